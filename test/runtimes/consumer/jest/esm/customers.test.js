import * as api from "@piriod/api";
import * as testing from "@piriod/api/testing";
import shared from "../customers.cjs";

shared.customersSuite(api, testing);
