// Interim: this session's documents work fills in these procedures.
export const registerProcedures = {}
