// The floor of the import-time figures: importing a module with nothing in it.
export {};
