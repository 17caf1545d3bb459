using System.Collections.Frozen;

namespace ActorIpc;

/// <summary>
/// How the types of a published object's interface are written: on the wire, by full name without
/// assemblies (so that two processes whose assemblies differ in version still agree), and in
/// messages, as C# shows them.
/// </summary>
internal static class ServiceTypeNames
{
    private static readonly FrozenDictionary<Type, string> Keywords = new Dictionary<Type, string>
    {
        [typeof(void)] = "void", [typeof(object)] = "object", [typeof(string)] = "string", [typeof(bool)] = "bool",
        [typeof(char)] = "char", [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte", [typeof(short)] = "short",
        [typeof(ushort)] = "ushort", [typeof(int)] = "int", [typeof(uint)] = "uint", [typeof(long)] = "long",
        [typeof(ulong)] = "ulong", [typeof(float)] = "float", [typeof(double)] = "double", [typeof(decimal)] = "decimal",
    }.ToFrozenDictionary();

    /// <summary>The type as the wire names it: <c>System.Collections.Generic.List`1[MyApp.Order]</c>, <c>System.Int32[]</c>.</summary>
    public static string Wire(Type type)
    {
        if (type.IsArray)
        {
            return Wire(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (type.IsByRef || type.IsPointer)
        {
            return Wire(type.GetElementType()!) + (type.IsByRef ? "&" : "*");
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            return Wire(type.GetGenericTypeDefinition()) + "[" + string.Join(",", type.GetGenericArguments().Select(Wire)) + "]";
        }

        return type.FullName ?? type.Name;
    }

    /// <summary>The type as C# shows it: <c>List&lt;Order&gt;</c>, <c>int?</c>, <c>string[]</c>.</summary>
    public static string Display(Type type)
    {
        if (Keywords.TryGetValue(type, out var keyword))
        {
            return keyword;
        }

        if (type.IsArray)
        {
            return Display(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (type.IsByRef || type.IsPointer)
        {
            return Display(type.GetElementType()!) + (type.IsPointer ? "*" : "");
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Display(underlying) + "?";
        }

        if (type.IsGenericType)
        {
            var name = type.Name;
            var tick = name.IndexOf('`', StringComparison.Ordinal);
            return (tick < 0 ? name : name[..tick]) + "<" + string.Join(", ", type.GetGenericArguments().Select(Display)) + ">";
        }

        return type.Name;
    }
}
