import ProfileLint

/// The Language Server (stdio JSON-RPC). Placeholder until the editor work lands.
public enum LanguageServer {}
