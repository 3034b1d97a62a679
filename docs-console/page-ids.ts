/** Where the page and the console meet: what the build writes into the page and the loader looks for. */

/** The id of the element holding the console module's text. */
export const MODULE_ELEMENT_ID = "piriod-console-module";

/** The attribute of a "Try it" control: the operation it opens (`customers.update`), or empty for the last one shown. */
export const TRY_ATTRIBUTE = "data-piriod-try";
