// Starts GOV.UK Frontend's components (error summary focus, header menu, skip link...). Every page works without it.
import { initAll } from '../webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

initAll();
