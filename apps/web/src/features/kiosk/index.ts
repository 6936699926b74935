export { KioskScreen, type KioskScreenProps } from "./components/kiosk-screen";
