using Akka.Util;

namespace ActorIpc.Serialization;

/// <summary>
/// The types Hyperion may always create, whatever the configuration: the surrogates in which
/// Akka.NET carries actor references and paths inside a message (types of Akka's own assemblies
/// that implement <see cref="ISurrogate"/>, and the abstract <see cref="ISurrogated"/> types they
/// stand for, such as <c>IActorRef</c>, which appear as type arguments and element types, as in
/// <c>List&lt;IActorRef&gt;</c>), and the surrogate in which exceptions travel inside a message.
/// A concrete surrogated class (an actor cell's reference, say) is never created from the wire:
/// its instances always travel as their surrogate.
/// </summary>
internal static class AlwaysAllowedTypes
{
    private static readonly string ExceptionSurrogateName = typeof(ExceptionSurrogate).FullName!;
    private static readonly string ActorIpcAssembly = typeof(ExceptionSurrogate).Assembly.GetName().Name!;

    /// <summary>Whether <paramref name="name"/> is one of the always-allowed types (its type arguments aside).</summary>
    /// <param name="name">The parsed name; only its own name and assembly are looked at.</param>
    /// <returns>Whether it is always allowed.</returns>
    public static bool Contains(TypeName name)
    {
        if (name.Assembly is not { } assembly)
        {
            return false;
        }

        if (name.Name == ExceptionSurrogateName)
        {
            return assembly == ActorIpcAssembly;
        }

        return IsAkkaAssembly(assembly) && IsAkkaSurrogateType($"{name.Name}, {assembly}");
    }

    private static bool IsAkkaAssembly(string assembly) =>
        assembly == "Akka" || assembly.StartsWith("Akka.", StringComparison.Ordinal);

    // Loading a type of Akka's own assemblies by name runs none of its code; only then can its
    // interfaces be seen. The caller caches the decision.
    private static bool IsAkkaSurrogateType(string qualifiedName)
    {
        Type? type;
        try
        {
            type = Type.GetType(qualifiedName, throwOnError: false);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or TypeLoadException)
        {
            return false;
        }

        return type is not null
            && (typeof(ISurrogate).IsAssignableFrom(type) || (type.IsAbstract && typeof(ISurrogated).IsAssignableFrom(type)));
    }
}
