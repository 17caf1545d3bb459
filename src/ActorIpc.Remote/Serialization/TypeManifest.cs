using System.Text;

namespace ActorIpc.Remote.Serialization;

/// <summary>
/// The manifest form of a type: its assembly-qualified name without version, culture or public key
/// (in generic arguments too), so that a rebuilt assembly still understands yesterday's manifests.
/// </summary>
internal static class TypeManifest
{
    /// <summary>E.g. <c>MyApp.Envelope`1[[MyApp.Order, MyApp]], MyApp</c>.</summary>
    public static string Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var text = new StringBuilder(64);
        Append(text, type);
        return text.ToString();
    }

    private static void Append(StringBuilder text, Type type)
    {
        AppendName(text, type);
        text.Append(", ").Append(type.Assembly.GetName().Name);
    }

    private static void AppendName(StringBuilder text, Type type)
    {
        if (type.IsArray)
        {
            AppendName(text, type.GetElementType()!);
            var rank = type.GetArrayRank();
            text.Append(type.IsSZArray ? "[]" : "[" + new string(',', rank - 1) + "]");
            return;
        }

        if (type.IsPointer || type.IsByRef || type.ContainsGenericParameters)
        {
            throw new ArgumentException($"the type {type} cannot travel in a message (pointer, by-ref or open generic type)", nameof(type));
        }

        if (!type.IsConstructedGenericType)
        {
            text.Append(type.FullName);
            return;
        }

        text.Append(type.GetGenericTypeDefinition().FullName).Append('[');
        var arguments = type.GetGenericArguments();
        for (var i = 0; i < arguments.Length; i++)
        {
            text.Append(i == 0 ? "[" : ",[");
            Append(text, arguments[i]);
            text.Append(']');
        }

        text.Append(']');
    }
}
