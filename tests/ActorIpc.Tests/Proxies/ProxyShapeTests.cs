using ActorIpc.Tests.Proxies.Contracts;

namespace ActorIpc.Tests.Proxies;

/// <summary>Which interfaces can be proxied and published: checked when the proxy is made, before anything is sent.</summary>
public sealed class ProxyShapeTests : Akka.TestKit.Xunit2.TestKit
{
    private PublishedObjects Objects => PublishedObjects.Get(Sys);

    [Fact]
    public void GetProxy_InterfaceWithRefusedMembers_ThrowsNamingTheInterfaceAndEachMember()
    {
        var error = Assert.Throws<ArgumentException>(() => Objects.GetProxy<IRefused>("refused"));

        Assert.Equal("TService", error.ParamName);
        Assert.Contains($"{typeof(IRefused).FullName} cannot be published or called through a proxy", error.Message, StringComparison.Ordinal);
        Assert.Contains("Refused (12):", error.Message, StringComparison.Ordinal);
        string[] members =
        [
            "int IRefusedBase.Count(): returns int, not Task, Task<T>, ValueTask or ValueTask<T>",
            "property string IRefused.Name: a proxy has methods only",
            "indexer string IRefused.this[int]: a proxy has methods only",
            "event EventHandler IRefused.Changed: a proxy has methods only",
            "int IRefused.Add(int a, int b): returns int, not Task",
            "void IRefused.Reset(): returns void",
            "Task IRefused.Load(ref int position): parameter 'position' is ref (parameters are passed by value)",
            "Task IRefused.TryGet(out int value): parameter 'value' is out",
            "Task IRefused.Read(in Guid id): parameter 'id' is in",
            "Task<T> IRefused.Get<T>(): a generic method",
            "Task IRefused.Wait(CancellationToken cancellationToken, int count): CancellationToken 'cancellationToken' is not the last parameter",
            "IAsyncEnumerable<int> IRefused.Stream(): returns IAsyncEnumerable<int>",
        ];
        Assert.All(members, member => Assert.Contains(member, error.Message, StringComparison.Ordinal));
        Assert.DoesNotContain("Allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_NullImplementation_Throws()
    {
        var error = Assert.Throws<ArgumentNullException>(() => Objects.Publish<ICalculator>("calculator", null!));

        Assert.Equal("implementation", error.ParamName);
    }

    [Fact]
    public void Publish_InterfaceWithRefusedMembers_ThrowsNamingTheMembers()
    {
        var error = Assert.Throws<ArgumentException>(() => Objects.Publish<IRefusedBase>("refused", new CountsSynchronously()));

        Assert.Equal("TService", error.ParamName);
        Assert.Contains("int IRefusedBase.Count(): returns int", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetProxy_NotAnInterface_ThrowsNamingTheType()
    {
        var error = Assert.Throws<ArgumentException>(() => Objects.GetProxy<Calculator>("calculator"));

        Assert.Contains($"{typeof(Calculator).FullName} is not an interface", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetProxy_EveryAllowedShape_MakesAProxyWithoutSendingAnything()
    {
        var proxy = Objects.GetProxy<IAllowed>("allowed");

        Assert.IsAssignableFrom<IAllowedBase>(proxy);
        Assert.Equal($"proxy of {typeof(IAllowed).FullName} published as 'allowed'", proxy.ToString());
    }

    [Fact]
    public void GetProxy_SameInterfaceTwice_IsCheckedAndDescribedOnce()
    {
        Objects.GetProxy<ICalculator>("one");
        Objects.GetProxy<ICalculator>("two");

        Assert.Same(Objects.Describe(typeof(ICalculator)), Objects.Describe(typeof(ICalculator)));
    }

    [Fact]
    public void Describe_OverloadsAndMethodsOfTwoBases_HaveDistinctSignaturesAndReadableNames()
    {
        var calculator = Objects.Describe(typeof(ICalculator));
        var both = Objects.Describe(typeof(IBoth));
        var allowed = Objects.Describe(typeof(IAllowed));

        Assert.Equal(3, calculator.Methods.Count(m => m.Method.Name == nameof(ICalculator.AddAsync)));
        Assert.Equal(calculator.Methods.Count, calculator.Methods.Select(m => m.Signature).Distinct().Count());
        Assert.Contains("System.Threading.Tasks.Task`1[System.Int32] AddAsync(System.Int32,System.Int32)", calculator.Methods.Select(m => m.Signature));
        Assert.Equal(
            [$"System.Threading.Tasks.Task`1[System.String] {typeof(ILeft).FullName}.NameAsync()", $"System.Threading.Tasks.Task`1[System.String] {typeof(IRight).FullName}.NameAsync()"],
            both.Methods.Select(m => m.Signature).Order(StringComparer.Ordinal));
        Assert.Contains("IAllowed.SlowAsync(string, CancellationToken)", allowed.Methods.Select(m => m.Display));
        Assert.Contains("IAllowed.MaybeAsync(int?)", allowed.Methods.Select(m => m.Display));
        Assert.Contains("IAllowedBase.FromBaseAsync(string)", allowed.Methods.Select(m => m.Display));
    }

    [Fact]
    public void GetProxy_TimeoutNotPositiveOrInfinite_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Objects.GetProxy<ICalculator>("calculator", TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => Objects.GetProxy<ICalculator>("calculator", Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public void GetProxy_InvalidName_Throws()
    {
        Assert.Throws<ArgumentException>(() => Objects.GetProxy<ICalculator>(" "));
    }

    [Fact]
    public async Task Publish_AnotherInterfaceUnderANameThisProcessPublishes_ThrowsUntilTheFirstIsUnpublished()
    {
        var first = Objects.Publish<ICalculator>("shared", new Calculator());

        var error = Assert.Throws<InvalidOperationException>(() => Objects.Publish<IConverter>("shared", new Calculator()));
        Assert.Contains($"'shared' is published in this process as {typeof(ICalculator).FullName}", error.Message, StringComparison.Ordinal);
        using (Objects.Publish<ICalculator>("shared", new Calculator()))
        {
        }

        await first.DisposeAsync();
        await using var second = Objects.Publish<IConverter>("shared", new Calculator());
        Assert.Equal(typeof(IConverter), second.ServiceType);
    }

    private sealed class CountsSynchronously : IRefusedBase
    {
        public int Count() => 0;
    }
}
