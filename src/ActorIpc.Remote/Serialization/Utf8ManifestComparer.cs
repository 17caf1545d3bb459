using System.Buffers;
using System.Text;

namespace ActorIpc.Remote.Serialization;

/// <summary>
/// Ordinal string comparison that can also compare a key with UTF-8 bytes straight from a frame,
/// so that looking up a cached manifest allocates no string. Hashes agree because both sides hash
/// the same UTF-16 characters.
/// </summary>
internal sealed class Utf8ManifestComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<byte>, string>
{
    private const int StackLimit = 256;

    public static Utf8ManifestComparer Instance { get; } = new();

    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

    public int GetHashCode(string obj) => string.GetHashCode(obj.AsSpan());

    public string Create(ReadOnlySpan<byte> alternate) => Encoding.UTF8.GetString(alternate);

    public bool Equals(ReadOnlySpan<byte> alternate, string other)
    {
        char[]? rented = null;
        var chars = alternate.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(alternate.Length));
        try
        {
            var count = Encoding.UTF8.GetChars(alternate, chars);
            return chars[..count].SequenceEqual(other);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    public int GetHashCode(ReadOnlySpan<byte> alternate)
    {
        char[]? rented = null;
        var chars = alternate.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(alternate.Length));
        try
        {
            var count = Encoding.UTF8.GetChars(alternate, chars);
            return string.GetHashCode(chars[..count]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}
