// npm run dev: Tailwind in watch mode and the server restarted by tsx on every change.
import { spawn } from 'node:child_process';

const children = [
  spawn('npx', ['tailwindcss', '-i', 'src/styles/app.css', '-o', 'public/app.css', '--watch'], { stdio: 'inherit' }),
  spawn('npx', ['tsx', 'scripts/build-assets.ts'], { stdio: 'inherit' }).on('exit', () => {
    children.push(spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'src/server.ts'], { stdio: 'inherit' }));
  }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
