namespace ActorIpc.Tests.Processes.Control;

/// <summary><c>invoke</c> over the control socket, against a stand-in for published objects' JSON calls.</summary>
public sealed class FleetControlInvokeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Invoke_PassesTheCallOnAndReturnsItsResultJson()
    {
        var caller = new FakeJsonCaller();
        await using var control = await ControlNode.StartAsync(caller);

        var result = await control.Client.InvokeAsync("calc", "Add", "[1, 2, 39]", "ICalc", TimeSpan.FromMilliseconds(1500)).WaitAsync(Patience);

        Assert.Equal("42", result);
        Assert.Equal([("calc", "Add", "[1, 2, 39]", (string?)"ICalc", (TimeSpan?)TimeSpan.FromMilliseconds(1500))], caller.Calls);
    }

    [Fact]
    public async Task Invoke_CalleeThrew_TheErrorNamesItsTypeAndMessage()
    {
        await using var control = await ControlNode.StartAsync(new FakeJsonCaller());

        var error = await Assert.ThrowsAsync<FleetControlException>(() => control.Client.InvokeAsync("calc", "Fail", "[]").WaitAsync(Patience));

        Assert.Equal("Calc.OverflowException: too big", error.Message);
    }

    [Fact]
    public async Task Invoke_ArgumentsNotAnArray_IsRefusedWithTheCallersReason()
    {
        await using var control = await ControlNode.StartAsync(new FakeJsonCaller());

        var error = await Assert.ThrowsAsync<FleetControlException>(() => control.Client.InvokeAsync("calc", "Add", "{}").WaitAsync(Patience));

        Assert.Equal("the arguments of calc.Add are a JSON array, not {}", error.Message);
    }

    [Fact]
    public async Task Invoke_WithoutJsonCalls_SaysThisBuildHasNone()
    {
        await using var control = await ControlNode.StartAsync();

        var error = await Assert.ThrowsAsync<FleetControlException>(() => control.Client.InvokeAsync("calc", "Add", "[1]").WaitAsync(Patience));

        Assert.Equal("cannot call calc.Add: this build of ActorIpc has no JSON calls of published objects (PublishedObjects.CallJsonAsync)", error.Message);
    }
}
