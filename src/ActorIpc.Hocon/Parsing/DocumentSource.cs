using System.Reflection;

namespace ActorIpc.Hocon.Parsing;

/// <summary>
/// Where a document came from, which decides how its relative includes are located.
/// </summary>
/// <param name="Origin">The name used in messages: the path as the user gave it, or the include name.</param>
/// <param name="Id">A canonical identity used to detect include cycles.</param>
/// <param name="Directory">The directory relative file includes are resolved against, or <see langword="null"/> for the working directory.</param>
/// <param name="ResourceAssembly">The assembly the document is an embedded resource of, if it is one.</param>
internal sealed record DocumentSource(string Origin, string Id, string? Directory, Assembly? ResourceAssembly);
