export { exportCompany, importCompany, BackupError, BACKUP_FORMAT } from "./company-backup";
