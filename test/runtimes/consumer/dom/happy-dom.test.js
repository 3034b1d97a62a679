// @vitest-environment happy-dom
import { customersTests } from "./customers.js";

customersTests(/ HappyDOM\//);
