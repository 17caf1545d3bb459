using ActorIpc.Tests.Shared;

namespace ActorIpc.Tests;

public sealed class PublicApiListingTests
{
    private const string SamplePrefix = "ActorIpc.Tests.PublicApiListingTests.Sample<TKey>: ";

    [Fact]
    public void RenderType_SampleClass_PrintsTheTypeThenEachMemberOnOneLine()
    {
        var lines = PublicApiListing.RenderType(typeof(Sample<>));

        AssertLines(
        [
            SamplePrefix + "public abstract class Sample<TKey> : ActorIpc.Tests.PublicApiListingTests.ISampleHandle where TKey : notnull",
            SamplePrefix + "ctor protected Sample(TKey key)",
            SamplePrefix + "field public const string Greeting = \"it's \\\"here\\\"\"",
            SamplePrefix + "field public const int Limit = 7",
            SamplePrefix + "field public static readonly System.TimeSpan Timeout",
            SamplePrefix + "property public TKey Key { get; }",
            SamplePrefix + "property public string? Label { get; init; }",
            SamplePrefix + "property public virtual int Size { get; protected set; }",
            SamplePrefix + "indexer public System.Collections.Generic.IReadOnlyList<string?>? this[int index, bool strict = false] { get; }",
            SamplePrefix + "event public System.EventHandler<string>? Changed",
            SamplePrefix + "method public void Close()",
            SamplePrefix + "method public static T Pick<T>(params T[] items) where T : class, System.IComparable<T>, new()",
            SamplePrefix + "method public bool Publish(object @event)",
            SamplePrefix + "method public System.Threading.Tasks.Task<(int Sent, string? Error)> SendAsync(string text, int retries = 3, "
                + "System.TimeSpan? timeout = null, ActorIpc.Tests.PublicApiListingTests.Sample<TKey>.Mode mode = ActorIpc.Tests.PublicApiListingTests.Sample<TKey>.Mode.On, "
                + "System.Threading.CancellationToken cancellationToken = default)",
            SamplePrefix + "method public override string ToString()",
            SamplePrefix + "method protected abstract bool TryTake(ref int count, out string? text, in long stamp)",
        ], lines);
    }

    [Fact]
    public void RenderType_NestedEnum_PrintsItsValuesWithTheirNumbers()
    {
        var lines = PublicApiListing.RenderType(typeof(Sample<>.Mode));

        AssertLines(
        [
            "ActorIpc.Tests.PublicApiListingTests.Sample<TKey>.Mode: [System.Flags] public enum Mode : byte",
            "ActorIpc.Tests.PublicApiListingTests.Sample<TKey>.Mode: value Off = 0",
            "ActorIpc.Tests.PublicApiListingTests.Sample<TKey>.Mode: value On = 1",
            "ActorIpc.Tests.PublicApiListingTests.Sample<TKey>.Mode: value Auto = 4",
        ], lines);
    }

    [Fact]
    public void RenderType_Record_LeavesOutTheUnspeakableCloneAndKeepsWhatUsersCanCall()
    {
        var lines = PublicApiListing.RenderType(typeof(SampleRecord));

        const string Record = "ActorIpc.Tests.PublicApiListingTests.SampleRecord: ";
        Assert.Equal(Record + "public record class SampleRecord : System.IEquatable<ActorIpc.Tests.PublicApiListingTests.SampleRecord>", lines[0]);
        Assert.Contains(Record + "ctor public SampleRecord(string Name, int Count = 1)", lines);
        Assert.Contains(Record + "property public string Name { get; init; }", lines);
        Assert.Contains(Record + "property protected virtual System.Type EqualityContract { get; }", lines);
        Assert.Contains(Record + "method public void Deconstruct(out string Name, out int Count)", lines);
        Assert.Contains(Record + "operator public static bool operator ==(ActorIpc.Tests.PublicApiListingTests.SampleRecord? left, ActorIpc.Tests.PublicApiListingTests.SampleRecord? right)", lines);
        Assert.DoesNotContain(lines, line => line.Contains("<Clone>$", StringComparison.Ordinal));
    }

    [Fact]
    public void RenderType_DelegateAndStaticClass_PrintSignatureAndStaticMembers()
    {
        AssertLines(
            ["ActorIpc.Tests.PublicApiListingTests.SampleHandler<T>: public delegate bool SampleHandler<in T>(T item, ref readonly int position)"],
            PublicApiListing.RenderType(typeof(SampleHandler<>)));
        AssertLines(
            ["ActorIpc.Tests.PublicApiListingTests.SampleFactory<T>: public delegate T? SampleFactory<T>(T? seed, string? name) where T : notnull"],
            PublicApiListing.RenderType(typeof(SampleFactory<>)));
        AssertLines(
            [
                "ActorIpc.Tests.PublicApiListingTests.SampleExtensions: public static class SampleExtensions",
                "ActorIpc.Tests.PublicApiListingTests.SampleExtensions: method public static ref readonly int First(int[] items)",
            ],
            PublicApiListing.RenderType(typeof(SampleExtensions)));
    }

    [Fact]
    public void Describe_ChangedLine_ShowsItAsRemovedAndAdded()
    {
        var message = PublicApiListing.Describe(["A: a", "A: b", "B: c"], ["A: a", "A: b2", "B: c"]);

        Assert.Equal(
            "The public API differs from the checked-in listing: 1 line(s) added, 1 removed.\n- A: b\n+ A: b2\n",
            message);
    }

    [Fact]
    public void Parse_Formatted_SkipsTheHeaderAndRoundTrips()
    {
        string[] lines = ["A: public class A", "A: method public void M()"];

        Assert.Equal(lines, PublicApiListing.Parse(PublicApiListing.Format("A", lines)));
    }

    public interface ISampleHandle
    {
        void Close();
    }

    internal interface IHiddenHandle
    {
    }

    public abstract class Sample<TKey> : ISampleHandle, IHiddenHandle
        where TKey : notnull
    {
        public const int Limit = 7;
        public const string Greeting = "it's \"here\"";
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

        protected Sample(TKey key)
        {
            Key = key;
        }

        public event EventHandler<string>? Changed;

        [Flags]
        public enum Mode : byte
        {
            Off = 0,
            On = 1,
            Auto = 4,
        }

        public TKey Key { get; }

        public string? Label { get; init; }

        public virtual int Size { get; protected set; }

        internal int Hidden { get; set; }

        public IReadOnlyList<string?>? this[int index, bool strict = false] => null;

        public static T Pick<T>(params T[] items)
            where T : class, IComparable<T>, new() => items[0];

        public Task<(int Sent, string? Error)> SendAsync(
            string text, int retries = 3, TimeSpan? timeout = null, Mode mode = Mode.On, CancellationToken cancellationToken = default) =>
            Task.FromResult<(int, string?)>((retries, null));

        public void Close() => Changed?.Invoke(this, "closed");

        public bool Publish(object @event) => @event is not null;

        public override string ToString() => Label ?? "";

        internal void NotListed()
        {
        }

        protected abstract bool TryTake(ref int count, out string? text, in long stamp);
    }

    public record SampleRecord(string Name, int Count = 1);

    public delegate bool SampleHandler<in T>(T item, ref readonly int position);

    public delegate T? SampleFactory<T>(T? seed, string? name)
        where T : notnull;

    public static class SampleExtensions
    {
        public static ref readonly int First(int[] items) => ref items[0];
    }

    // Compared as text, so a failure shows where the lines differ.
    private static void AssertLines(string[] expected, IEnumerable<string> actual)
    {
        Assert.Equal(string.Join("\n", expected), string.Join("\n", actual));
    }
}
