using System.Text;

namespace ActorIpc;

/// <summary>
/// The immutable path of an actor: its system's <see cref="Address"/> and the names from the
/// root down, e.g. <c>actoripc://shop/user/orders/order-42</c>. Two paths are equal when their
/// addresses and names are; the <see cref="Uid"/> tells incarnations of one path apart and
/// does not take part in equality.
/// </summary>
public sealed class ActorPath : IEquatable<ActorPath>, IComparable<ActorPath>
{
    private string? _text;
    private int _hash;

    // Only the root holds the address; a child finds it through its root (one reference less per actor).
    private readonly Address? _address;

    private ActorPath(Address address, ActorPath? parent, string name, long uid)
    {
        _address = parent is null ? address : null;
        Parent = parent;
        Name = name;
        Uid = uid;
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    /// <summary>The address of the actor system the actor lives in.</summary>
    public Address Address => _address ?? Root._address!;

    /// <summary>The parent path; <see langword="null"/> for the root.</summary>
    public ActorPath? Parent { get; }

    /// <summary>The last element; <c>/</c> for the root.</summary>
    public string Name { get; }

    /// <summary>The incarnation id of the actor at this path; 0 when not known.</summary>
    public long Uid { get; }

    /// <summary>The number of elements below the root.</summary>
    public int Depth { get; }

    /// <summary>The root path of this path's system.</summary>
    public ActorPath Root
    {
        get
        {
            var path = this;
            while (path.Parent is not null)
            {
                path = path.Parent;
            }

            return path;
        }
    }

    /// <summary>The names below the root, top first (empty for the root).</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var elements = new string[Depth];
            for (var path = this; path.Parent is not null; path = path.Parent)
            {
                elements[path.Depth - 1] = path.Name;
            }

            return elements;
        }
    }

    /// <summary>The root path of the system at <paramref name="address"/>.</summary>
    public static ActorPath CreateRoot(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new ActorPath(address, null, "/", 0);
    }

    /// <summary>Appends a child element; <paramref name="name"/> must be a valid path element.</summary>
    public static ActorPath operator /(ActorPath parent, string name) => parent.Child(name);

    /// <summary>Appends a child element; <paramref name="name"/> must be a valid path element.</summary>
    /// <exception cref="InvalidActorNameException">The name is not a valid path element.</exception>
    public ActorPath Child(string name) => Child(name, 0);

    /// <summary>Appends a child element with an incarnation id.</summary>
    /// <exception cref="InvalidActorNameException">The name is not a valid path element.</exception>
    public ActorPath Child(string name, long uid)
    {
        ActorName.ValidatePathElement(name);
        return new ActorPath(Address, this, name, uid);
    }

    /// <summary>Appends an element the caller has validated already (a name checked by ActorOf, or generated).</summary>
    internal ActorPath ChildUnchecked(string name, long uid) => new(Address, this, name, uid);

    /// <summary>The same path with incarnation id <paramref name="uid"/>.</summary>
    public ActorPath WithUid(long uid) => uid == Uid ? this : new ActorPath(Address, Parent, Name, uid);

    /// <summary>
    /// Parses <c>protocol://system[@host[:port]]/a/b[#uid]</c>, the form <see cref="ToString"/>
    /// and <see cref="ToStringWithUid"/> print.
    /// </summary>
    /// <exception cref="FormatException">The text is not an actor path; the message says why.</exception>
    public static ActorPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var path, out var error) ? path : throw new FormatException(error);
    }

    /// <summary>Parses like <see cref="Parse"/>, returning false for text that is not an actor path.</summary>
    public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ActorPath? path) =>
        TryParse(text, out path, out _);

    private static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ActorPath? path, out string error)
    {
        path = null;
        if (!ActorPathParser.TryParseAddress(text, out var address, out var rest, out error))
        {
            return false;
        }

        long uid = 0;
        var hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            if (!long.TryParse(rest.AsSpan(hash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out uid))
            {
                error = $"invalid actor path '{text}': the uid after '#' must be a number";
                return false;
            }

            rest = rest[..hash];
        }

        var current = CreateRoot(address);
        foreach (var element in rest.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!ActorName.IsValidPathElement(element, out var reason))
            {
                error = $"invalid actor path '{text}': {reason}";
                return false;
            }

            current = new ActorPath(address, current, element, 0);
        }

        path = uid == 0 ? current : current.WithUid(uid);
        return true;
    }

    /// <summary>The path without its address: <c>/user/a/b</c>.</summary>
    public string ToStringWithoutAddress()
    {
        if (Parent is null)
        {
            return "/";
        }

        var text = new StringBuilder(Depth * 12);
        AppendElements(text, this);
        return text.ToString();
    }

    /// <summary>The full path followed by <c>#uid</c> when the incarnation is known.</summary>
    public string ToStringWithUid() => Uid == 0 ? ToString() : $"{this}#{Uid}";

    /// <summary>The full path: <c>protocol://system/a/b</c>.</summary>
    public override string ToString()
    {
        if (_text is null)
        {
            var text = new StringBuilder(64).Append(Address.ToString());
            if (Parent is null)
            {
                text.Append('/');
            }
            else
            {
                AppendElements(text, this);
            }

            _text = text.ToString();
        }

        return _text;
    }

    /// <inheritdoc />
    public bool Equals(ActorPath? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.Depth != Depth)
        {
            return false;
        }

        ActorPath? a = this, b = other;
        while (a is not null && b is not null)
        {
            if (ReferenceEquals(a, b))
            {
                return true;
            }

            if (!string.Equals(a.Name, b.Name, StringComparison.Ordinal))
            {
                return false;
            }

            if (a.Parent is null)
            {
                return a.Address.Equals(b.Address);
            }

            a = a.Parent;
            b = b.Parent;
        }

        return false;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var hash = Parent is null ? Address.GetHashCode() : HashCode.Combine(Parent.GetHashCode(), StringComparer.Ordinal.GetHashCode(Name));
            _hash = hash == 0 ? 1 : hash;
        }

        return _hash;
    }

    /// <inheritdoc />
    public int CompareTo(ActorPath? other) =>
        other is null ? 1 : string.CompareOrdinal(ToString(), other.ToString());

    /// <summary>Path equality, ignoring the uid.</summary>
    public static bool operator ==(ActorPath? left, ActorPath? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Path inequality, ignoring the uid.</summary>
    public static bool operator !=(ActorPath? left, ActorPath? right) => !(left == right);

    private static void AppendElements(StringBuilder text, ActorPath path)
    {
        if (path.Parent is null)
        {
            return;
        }

        AppendElements(text, path.Parent);
        text.Append('/').Append(path.Name);
    }
}
