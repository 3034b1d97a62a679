const api = require("@piriod/api");
const testing = require("@piriod/api/testing");
const { customersSuite } = require("../customers.cjs");

customersSuite(api, testing);
