using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ActorIpc.Serialization;

/// <summary>
/// A type name as the CLR and Hyperion write it, parsed into its parts: the type's full name
/// (a generic type by its definition, <c>System.Collections.Generic.List`1</c>; a nested type as
/// <c>MyApp.Outer+Inner</c>), its assembly, its type arguments and its array ranks. Reads the
/// assembly-qualified form (<c>Ns.T, Asm, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null</c>),
/// Hyperion's short form (<c>Ns.T, Asm</c>, the core library as <c>System.Private.CoreLib,%core%</c>)
/// and the bare full name (<c>Ns.G`1[Ns.A]</c>).
/// </summary>
internal sealed class TypeName
{
    internal TypeName(string name, string? assembly, IReadOnlyList<TypeName> genericArguments, IReadOnlyList<int> arrayRanks)
    {
        Name = name;
        Assembly = assembly;
        GenericArguments = genericArguments;
        ArrayRanks = arrayRanks;
    }

    /// <summary>The type's full name without type arguments or array ranks.</summary>
    public string Name { get; }

    /// <summary>The simple name of the type's assembly (no version, culture or key); <see langword="null"/> when the text named none.</summary>
    public string? Assembly { get; }

    /// <summary>The type arguments of a constructed generic type, in order; empty otherwise.</summary>
    public IReadOnlyList<TypeName> GenericArguments { get; }

    /// <summary>The ranks of the array suffixes, innermost first (<c>T[][,]</c> is 1, 2); empty for a type that is not an array.</summary>
    public IReadOnlyList<int> ArrayRanks { get; }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <param name="text">An assembly-qualified, Hyperion-short or bare type name.</param>
    /// <returns>The parsed name.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a type name (or names a pointer or by-ref type).</exception>
    public static TypeName Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TypeNameParser(text).ParseWhole();
    }

    /// <summary>Parses <paramref name="text"/>, returning <see langword="false"/> instead of throwing when it is not a type name.</summary>
    /// <param name="text">The text.</param>
    /// <param name="name">The parsed name, when it parsed.</param>
    /// <returns>Whether <paramref name="text"/> is a type name.</returns>
    public static bool TryParse(string text, [NotNullWhen(true)] out TypeName? name)
    {
        try
        {
            name = Parse(text);
            return true;
        }
        catch (FormatException)
        {
            name = null;
            return false;
        }
    }

    /// <summary>The name as <see cref="Type.ToString"/> writes it: no assemblies, type arguments in single brackets.</summary>
    /// <returns>For example <c>System.Collections.Generic.List`1[MyApp.Order][]</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(Name);
        if (GenericArguments.Count > 0)
        {
            text.Append('[').AppendJoin(',', GenericArguments).Append(']');
        }

        foreach (var rank in ArrayRanks)
        {
            text.Append('[').Append(',', rank - 1).Append(']');
        }

        return text.ToString();
    }
}
