using System.Text;
using ActorIpc.Remote.Endpoints;
using ActorIpc.Remote.Wire;

namespace ActorIpc.Remote.Tests.Endpoints;

public sealed class Utf8KeyedCacheTests
{
    private int _created;

    [Fact]
    public void GetOrAdd_SameBytesAgain_ReturnsTheSameInstanceWithoutCreating()
    {
        var cache = new Utf8KeyedCache<string>(16, 1024);

        var first = cache.GetOrAdd(Field("Shop.Order, Shop"), Create);
        var again = cache.GetOrAdd(Field("Shop.Order, Shop"), Create);

        Assert.Equal("Shop.Order, Shop", first);
        Assert.Same(first, again);
        Assert.Equal(1, _created);
    }

    [Fact]
    public void GetOrAdd_DifferentBytes_AreDifferentKeys()
    {
        var cache = new Utf8KeyedCache<string>(16, 1024);

        var a = cache.GetOrAdd(Field("/user/a"), Create);
        var b = cache.GetOrAdd(Field("/user/b"), Create);

        Assert.Equal("/user/a", a);
        Assert.Equal("/user/b", b);
        Assert.Same(a, cache.GetOrAdd(Field("/user/a"), Create));
        Assert.Equal(2, _created);
    }

    [Fact]
    public void GetOrAdd_KeyBufferOverwrittenLater_KeepsItsOwnCopyOfTheKey()
    {
        // A pipe reuses its memory: the cache must not keep the frame's bytes.
        var cache = new Utf8KeyedCache<string>(16, 1024);
        var buffer = "/user/a"u8.ToArray();
        var first = cache.GetOrAdd(new Utf8Field(FrameType.Message, "recipient", 5, buffer), Create);

        "/user/b"u8.CopyTo(buffer);
        var second = cache.GetOrAdd(new Utf8Field(FrameType.Message, "recipient", 5, buffer), Create);

        Assert.Equal("/user/a", first);
        Assert.Equal("/user/b", second);
        Assert.Same(first, cache.GetOrAdd(Field("/user/a"), Create));
    }

    [Fact]
    public void TryGetValue_DifferentBytesWithTheSameHash_AreKeptApart()
    {
        var cache = new Utf8KeyedCache<string>(16, 1024);
        const int Hash = 12345;

        cache.Set("/user/a"u8, Hash, "a");
        cache.Set("/user/b"u8, Hash, "b");

        Assert.True(cache.TryGetValue("/user/a"u8, Hash, out var a));
        Assert.True(cache.TryGetValue("/user/b"u8, Hash, out var b));
        Assert.False(cache.TryGetValue("/user/c"u8, Hash, out _));
        Assert.Equal(("a", "b"), (a, b));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Set_ExistingKey_ReplacesItsValue()
    {
        var cache = new Utf8KeyedCache<string>(16, 1024);
        var hash = Utf8KeyedCache<string>.Hash("/user/a"u8);

        cache.Set("/user/a"u8, hash, "old");
        cache.Set("/user/a"u8, hash, "new");

        Assert.True(cache.TryGetValue("/user/a"u8, hash, out var value));
        Assert.Equal("new", value);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void GetOrAdd_ManyKeys_FindsEveryOne()
    {
        var cache = new Utf8KeyedCache<string>(1000, 1024);
        var keys = Enumerable.Range(0, 1000).Select(i => $"/user/worker-{i}").ToArray();
        var values = keys.Select(key => cache.GetOrAdd(Field(key), Create)).ToArray();

        var again = keys.Select(key => cache.GetOrAdd(Field(key), Create)).ToArray();

        Assert.Equal(keys, values);
        Assert.All(keys.Select((_, i) => i), i => Assert.Same(values[i], again[i]));
        Assert.Equal(1000, _created);
        Assert.Equal(1000, cache.Count);
    }

    [Fact]
    public void GetOrAdd_NewKeyWhenFull_ClearsTheCacheFirst()
    {
        var cache = new Utf8KeyedCache<string>(2, 1024);
        var a = cache.GetOrAdd(Field("/a"), Create);
        cache.GetOrAdd(Field("/b"), Create);
        Assert.Same(a, cache.GetOrAdd(Field("/a"), Create));
        Assert.Equal(2, cache.Count);

        var c = cache.GetOrAdd(Field("/c"), Create);

        Assert.Equal(1, cache.Count);
        Assert.Same(c, cache.GetOrAdd(Field("/c"), Create));
        Assert.NotSame(a, cache.GetOrAdd(Field("/a"), Create));
        Assert.Equal(4, _created);
    }

    [Fact]
    public void GetOrAdd_KeyOverTheByteLimit_IsNeverKept()
    {
        var cache = new Utf8KeyedCache<string>(16, 4);

        var first = cache.GetOrAdd(Field("/user/a"), Create);
        var second = cache.GetOrAdd(Field("/user/a"), Create);

        Assert.Equal("/user/a", second);
        Assert.NotSame(first, second);
        Assert.Equal(0, cache.Count);
        Assert.Same(cache.GetOrAdd(Field("/abc"), Create), cache.GetOrAdd(Field("/abc"), Create));
    }

    [Fact]
    public void GetOrAdd_StaleValue_IsCreatedAgainAndKept()
    {
        var cache = new Utf8KeyedCache<string>(16, 1024);
        var stale = cache.GetOrAdd(Field("/user/a"), Create);

        var fresh = cache.GetOrAdd(Field("/user/a"), Create, value => ReferenceEquals(value, stale));

        Assert.NotSame(stale, fresh);
        Assert.Same(fresh, cache.GetOrAdd(Field("/user/a"), Create, value => ReferenceEquals(value, stale)));
        Assert.Equal(1, cache.Count);
        Assert.Equal(2, _created);
    }

    [Fact]
    public void TryGetRecent_FindsOnlyTheTwoKeysFoundLast_AndNotAStaleValue()
    {
        var cache = new Utf8KeyedCache<string>(16, 1024);
        var a = cache.GetOrAdd(Field("/user/a"), Create);
        var b = cache.GetOrAdd(Field("/user/b"), Create);
        var c = cache.GetOrAdd(Field("/user/c"), Create);

        Assert.False(cache.TryGetRecent("/user/a"u8, null, out _));
        Assert.True(cache.TryGetRecent("/user/b"u8, null, out var foundB));
        Assert.True(cache.TryGetRecent("/user/c"u8, null, out var foundC));
        Assert.False(cache.TryGetRecent("/user/c"u8, value => ReferenceEquals(value, c), out _));
        Assert.Same(b, foundB);
        Assert.Same(c, foundC);

        // Finding a by its hash makes it one of the two found last again.
        Assert.Same(a, cache.GetOrAdd(Field("/user/a"), Create));
        Assert.True(cache.TryGetRecent("/user/a"u8, null, out var foundA));
        Assert.Same(a, foundA);
        Assert.Equal(3, _created);
    }

    [Fact]
    public void GetOrAdd_InvalidUtf8_FailsLikeTheFrameReaderAndKeepsNothing()
    {
        var cache = new Utf8KeyedCache<string>(16, 1024);

        var error = Assert.Throws<ProtocolException>(() => cache.GetOrAdd(new Utf8Field(FrameType.Message, "manifest", 12, [0x4D, 0xC3, 0x28]), Create));

        Assert.Equal("Message frame: manifest at offset 12 is not valid UTF-8", error.Message);
        Assert.Equal(0, cache.Count);
        Assert.Equal(0, _created);
    }

    private static Utf8Field Field(string text) => new(FrameType.Message, "recipient", 5, Encoding.UTF8.GetBytes(text));

    // A new instance per call, so a test can tell a cached value from a created one.
    private string Create(string text)
    {
        _created++;
        return new string(text.AsSpan());
    }
}
