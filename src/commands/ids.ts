/** The id the ribbon's Kiểm tra button calls: manifest.xml's <FunctionName> must equal it (test/addin/manifest.test.ts checks). */
export const KIEM_TRA_ACTION = 'thiduaKiemTra';
