import { mountScreen } from "../app/faces/mount-screen";
import { KioskPage } from "../app/routes/devices/kiosk-page";
import { registerKioskServiceWorker } from "../features/kiosk/register-service-worker";
import { addMessages } from "../lib/i18n";
import { deviceScreenMessages } from "../lib/i18n/bundles/device-screens";
import { kioskScreenMessages } from "../lib/i18n/bundles/kiosk-screen";

// One screen, loaded at once: a kiosk should not wait for a second download before it works.
addMessages(deviceScreenMessages);
addMessages(kioskScreenMessages);
mountScreen("kiosk", "k", (params) => <KioskPage {...params} />);
registerKioskServiceWorker();
