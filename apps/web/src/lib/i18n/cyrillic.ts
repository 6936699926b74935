// The transliterator lives in core, where the server's notifications use it too; this module is
// what the screens load lazily when someone picks Uzbek Cyrillic.
export { latinToCyrillic, treeToCyrillic, uzCyrlOf } from "@equeue/core";
