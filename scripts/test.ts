/** `npm run test:unit|test:integration|test:e2e|test:cluster`: the test runner in tools/testing/run-tests.ts. */
import "../tools/testing/run-tests";
