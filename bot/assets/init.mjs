// GOV.UK Frontend's scripts for the pages that use its components (the error summary takes
// focus, the navigation folds on a phone, a button is not sent twice). The pages work without.
import { initAll } from "/assets/govuk-frontend.min.js";

document.body.classList.add("govuk-frontend-supported");
initAll();
