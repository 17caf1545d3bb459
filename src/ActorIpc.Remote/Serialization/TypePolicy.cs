using System.Collections.Frozen;
using System.Reflection;
using System.Reflection.Metadata;

namespace ActorIpc.Remote.Serialization;

/// <summary>
/// Decides which types may be instantiated from the wire, working on parsed type names so that a
/// refused name is never loaded. A simple (non-generic, non-array) name is allowed when it is
/// <list type="number">
/// <item>a built-in framework type (<see cref="BuiltInTypes"/>), taken from a table, never loaded by name;</item>
/// <item>bound in <c>actoripc.actor.serialization-bindings</c>, taken from the bindings, never loaded by name;</item>
/// <item>for exceptions only: in an ActorIpc namespace and one of the ActorIpc assemblies;</item>
/// <item>matched by <c>actoripc.actor.serialization-allowed-types</c>: only then is its assembly loaded if it is not already;</item>
/// <item>derived from or implementing a bound type, found in an assembly that is already loaded (nothing new is
/// loaded for this check). Bound framework types (System.*, Microsoft.*, object) do not count here: binding
/// System.Exception or object must not allow every subtype in the process.</item>
/// </list>
/// A constructed generic type is allowed when its definition and every type argument are; an array when its element type is.
/// </summary>
internal sealed class TypePolicy
{
    // The product's own assemblies, by exact name: an application assembly that merely starts with "ActorIpc." does not count.
    private static readonly FrozenSet<string> ActorIpcAssemblies =
        FrozenSet.ToFrozenSet(["ActorIpc", "ActorIpc.Hocon", "ActorIpc.Remote", "ActorIpc.Cluster", "ActorIpc.TestKit"], StringComparer.Ordinal);

    private readonly FrozenDictionary<string, Type> _boundByName;
    private readonly AllowedTypePattern[] _patterns;
    private readonly Type[] _derivationRoots;

    public TypePolicy(IEnumerable<Type> boundTypes, IEnumerable<AllowedTypePattern> patterns)
    {
        var bound = boundTypes.Distinct().ToArray();
        _boundByName = bound.Where(t => t.FullName is not null).DistinctBy(t => t.FullName).ToFrozenDictionary(t => t.FullName!, StringComparer.Ordinal);
        _patterns = patterns.ToArray();
        _derivationRoots = bound.Where(t => !IsFrameworkType(t)).ToArray();
    }

    /// <summary>Resolves <paramref name="name"/> if every part of it is allowed; otherwise says which part is not.</summary>
    public Type? Resolve(TypeName name, bool exception, out TypeRefusal refusal) => Resolve(name, exception, "the type", out refusal);

    private Type? Resolve(TypeName name, bool exception, string role, out TypeRefusal refusal)
    {
        refusal = default;
        if (name.IsPointer || name.IsByRef)
        {
            refusal = new TypeRefusal(role, "is a pointer or by-ref type");
            return null;
        }

        if (name.IsArray)
        {
            var element = Resolve(name.GetElementType(), exception: false, ElementRole(name.GetElementType()), out refusal);
            return element is null ? null : name.IsSZArray ? element.MakeArrayType() : element.MakeArrayType(name.GetArrayRank());
        }

        if (!name.IsConstructedGenericType)
        {
            var simple = ResolveSimple(name, exception);
            if (simple is null || simple.IsGenericTypeDefinition)
            {
                refusal = new TypeRefusal(role, simple is null ? "is not registered or allowed (actoripc.actor.serialization-bindings / serialization-allowed-types)" : "is an open generic type");
                return null;
            }

            return simple;
        }

        var definitionName = name.GetGenericTypeDefinition();
        var definition = ResolveSimple(definitionName, exception);
        if (definition is null)
        {
            refusal = new TypeRefusal(role == "the type" ? $"the generic type '{definitionName.AssemblyQualifiedName}'" : role, "is not registered or allowed (actoripc.actor.serialization-bindings / serialization-allowed-types)");
            return null;
        }

        var argumentNames = name.GetGenericArguments();
        var arguments = new Type[argumentNames.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = Resolve(argumentNames[i], exception: false, $"the type argument '{argumentNames[i].AssemblyQualifiedName}'", out refusal);
            if (argument is null)
            {
                return null;
            }

            arguments[i] = argument;
        }

        try
        {
            return definition.MakeGenericType(arguments);
        }
        catch (ArgumentException e)
        {
            refusal = new TypeRefusal(role, "has type arguments its definition does not accept: " + e.Message);
            return null;
        }
    }

    private static string ElementRole(TypeName element) => $"the array element type '{element.AssemblyQualifiedName}'";

    private Type? ResolveSimple(TypeName name, bool exception)
    {
        var fullName = name.FullName;
        var assembly = name.AssemblyName?.Name;
        if ((exception ? BuiltInTypes.Exceptions : BuiltInTypes.Messages).TryGetValue(fullName, out var builtIn)
            || _boundByName.TryGetValue(fullName, out builtIn))
        {
            return builtIn;
        }

        if ((exception && IsActorIpcName(fullName, assembly)) || _patterns.Any(p => p.Matches(fullName, assembly)))
        {
            return Load(fullName, assembly, loadAssembly: true);
        }

        return Load(fullName, assembly, loadAssembly: false) is { } loaded && _derivationRoots.Any(root => root.IsAssignableFrom(loaded))
            ? loaded
            : null;
    }

    private static bool IsActorIpcName(string fullName, string? assembly) =>
        fullName.StartsWith("ActorIpc.", StringComparison.Ordinal) && assembly is not null && ActorIpcAssemblies.Contains(assembly);

    /// <summary>Finds the type in an already loaded assembly, or (when allowed) loads the assembly by simple name.</summary>
    private static Type? Load(string fullName, string? assemblyName, bool loadAssembly)
    {
        if (assemblyName is null)
        {
            return typeof(object).Assembly.GetType(fullName, throwOnError: false);
        }

        foreach (var loaded in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (string.Equals(loaded.GetName().Name, assemblyName, StringComparison.Ordinal) && loaded.GetType(fullName, throwOnError: false) is { } type)
            {
                return type;
            }
        }

        if (!loadAssembly)
        {
            return null;
        }

        try
        {
            return Assembly.Load(new AssemblyName(assemblyName)).GetType(fullName, throwOnError: false);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or ArgumentException)
        {
            return null;
        }
    }

    private static bool IsFrameworkType(Type type) =>
        type == typeof(object) || type.Namespace is null
        || type.Namespace == "System" || type.Namespace.StartsWith("System.", StringComparison.Ordinal)
        || type.Namespace == "Microsoft" || type.Namespace.StartsWith("Microsoft.", StringComparison.Ordinal);
}
