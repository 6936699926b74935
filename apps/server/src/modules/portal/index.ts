// The portal module's entry: what other modules may use.
export { JOIN_LIMITS, joinAddressLimit, phoneLimit } from "./portal.routes";
export { directoryQuery } from "./portal.schema";
export { assertPublic, branchPage, companyPage } from "./portal.service";
export { listServiceLines } from "./portal.repository";
