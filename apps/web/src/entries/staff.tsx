import { mountFace } from "../app/faces/mount-face";
import { staffRoutes } from "../app/faces/staff-routes";
import { addMessages } from "../lib/i18n";
import { fieldIssuesMessages } from "../lib/i18n/bundles/field-issues";
import { queueMessages } from "../lib/i18n/bundles/queue";
import { setupMessages } from "../lib/i18n/bundles/setup";
import { staffMessages } from "../lib/i18n/bundles/staff";

// Super Admin, company admin and operator pages; each role's code still loads on demand.
addMessages(staffMessages);
addMessages(setupMessages);
addMessages(queueMessages);
addMessages(fieldIssuesMessages);
mountFace("staff", staffRoutes());
