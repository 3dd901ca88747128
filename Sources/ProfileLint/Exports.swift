// `ProfileLint` is the library's one API module: importing it brings in the layers below, so
// the front ends and library users need a single import.
@_exported import ProfileCorpus
@_exported import ProfileModel
@_exported import ProfileRules
