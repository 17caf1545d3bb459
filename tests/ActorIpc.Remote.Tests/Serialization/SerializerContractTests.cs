using System.Buffers;
using System.Text;
using ActorIpc.Remote.Serialization;

namespace ActorIpc.Remote.Tests.Serialization;

/// <summary>
/// What every serializer must do, run once per built-in serializer: round-trip its samples through
/// the registry exactly as the wire would, read payloads split over many buffer segments, and turn
/// any truncated payload into a <see cref="SerializationException"/> rather than a crash.
/// </summary>
public abstract class SerializerContractTests
{
    protected SerializerContractTests()
    {
        Registry = SerializationFixture.Registry();
    }

    protected SerializationRegistry Registry { get; }

    /// <summary>The id the samples must be bound to.</summary>
    protected abstract int ExpectedSerializerId { get; }

    /// <summary>Messages of every shape the serializer handles.</summary>
    protected abstract IReadOnlyList<object> Samples { get; }

    /// <summary>Compares a sample with its copy; records with collections compare by value here.</summary>
    protected virtual void AssertEquivalent(object expected, object actual)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void FindSerializerFor_EverySample_IsTheExpectedSerializer()
    {
        foreach (var sample in Samples)
        {
            Assert.Equal(ExpectedSerializerId, Registry.FindSerializerFor(sample).Identifier);
        }
    }

    [Fact]
    public void Deserialize_EverySample_EqualsOriginal()
    {
        foreach (var sample in Samples)
        {
            AssertEquivalent(sample, SerializationFixture.RoundTrip(Registry, sample));
        }
    }

    [Fact]
    public void Deserialize_PayloadInOneByteSegments_EqualsOriginal()
    {
        foreach (var sample in Samples)
        {
            var context = SerializationFixture.Context();
            var (id, manifest, payload) = SerializationFixture.Write(Registry, sample, context);
            AssertEquivalent(sample, Registry.Deserialize(id, manifest, BufferSegment.Split(payload), context));
        }
    }

    [Fact]
    public void Deserialize_Utf8ManifestTwice_EqualsOriginal()
    {
        foreach (var sample in Samples)
        {
            var context = SerializationFixture.Context();
            var (id, manifest, payload) = SerializationFixture.Write(Registry, sample, context);
            var utf8 = Encoding.UTF8.GetBytes(manifest);

            // The second read hits the manifest cache through the UTF-8 lookup.
            AssertEquivalent(sample, Registry.Deserialize(id, utf8, new ReadOnlySequence<byte>(payload), context));
            AssertEquivalent(sample, Registry.Deserialize(id, utf8, new ReadOnlySequence<byte>(payload), context));
        }
    }

    [Fact]
    public void Deserialize_EveryTruncatedPayload_ReturnsOrThrowsSerializationException()
    {
        foreach (var sample in Samples)
        {
            var context = SerializationFixture.Context();
            var (id, manifest, payload) = SerializationFixture.Write(Registry, sample, context);
            for (var length = 0; length < payload.Length; length++)
            {
                try
                {
                    // Some prefixes are valid payloads of their own (a shorter string); anything else must fail cleanly.
                    Registry.Deserialize(id, manifest, new ReadOnlySequence<byte>(payload, 0, length), context);
                }
                catch (SerializationException e)
                {
                    Assert.Contains(SerializationFixture.Worker.ToString(), e.Message, StringComparison.Ordinal);
                    Assert.NotNull(e.SerializerId);
                }
            }
        }
    }

    [Fact]
    public void Manifest_EverySample_IsEmptyOrAssemblyQualifiedWithoutVersion()
    {
        foreach (var sample in Samples)
        {
            var serializer = Registry.FindSerializerFor(sample);
            var manifest = serializer.Manifest(sample);
            if (serializer.IncludeManifest)
            {
                Assert.Equal(Type.GetType(manifest), sample.GetType());
                Assert.DoesNotContain("Version=", manifest, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(string.Empty, manifest);
            }
        }
    }
}
