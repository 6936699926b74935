import { mountFace } from "../app/faces/mount-face";
import { portalRoutes } from "../app/faces/portal-routes";
import { addMessages } from "../lib/i18n";
import { portalMessages } from "../lib/i18n/bundles/portal";
import { queueMessages } from "../lib/i18n/bundles/queue";

// The public portal and a customer's live ticket: on phones, so the smallest bundle that works.
addMessages(portalMessages);
addMessages(queueMessages);
mountFace("portal", portalRoutes());
