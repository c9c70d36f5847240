import { fuzzRouteTable } from '../support/fuzz.ts';

// Every route in the route table with sample and broken parameters: see test/support/fuzz.ts.
fuzzRouteTable();
