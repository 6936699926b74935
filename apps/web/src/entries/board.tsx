import { mountScreen } from "../app/faces/mount-screen";
import { DisplayPage } from "../app/routes/devices/display-page";
import { addMessages } from "../lib/i18n";
import { deviceScreenMessages } from "../lib/i18n/bundles/device-screens";
import { boardScreenMessages } from "../lib/i18n/bundles/board-screen";

// The hall screen, loaded at once: it pairs, then shows the board without a second download.
addMessages(deviceScreenMessages);
addMessages(boardScreenMessages);
mountScreen("board", "d", (params) => <DisplayPage {...params} />);
