// @vitest-environment jsdom
import { customersTests } from "./customers.js";

customersTests(/ jsdom\//);
