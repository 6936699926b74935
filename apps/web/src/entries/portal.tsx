import { mountFace } from "../app/faces/mount-face";
import { portalRoutes } from "../app/faces/portal-routes";
import { addMessages } from "../lib/i18n";
import { portalMessages } from "../lib/i18n/bundles/portal";
import { fieldIssuesMessages } from "../lib/i18n/bundles/field-issues";
import { queueMessages } from "../lib/i18n/bundles/queue";

// The public portal and a customer's live ticket: on phones, so the smallest bundle that works.
addMessages(portalMessages);
addMessages(queueMessages);
addMessages(fieldIssuesMessages);
mountFace("portal", portalRoutes());
