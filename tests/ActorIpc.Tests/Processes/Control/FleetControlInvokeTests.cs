namespace ActorIpc.Tests.Processes.Control;

/// <summary><c>invoke</c> over the control socket: a published object's JSON call made by the fleet's node.</summary>
public sealed class FleetControlInvokeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Invoke_CallsThePublishedObjectAndReturnsItsResultJson()
    {
        await using var control = await ControlNode.StartAsync();

        var result = await control.Client.InvokeAsync("calc", "Add", "[1, 41]", "ICalc").WaitAsync(Patience);

        Assert.Equal("42", result);
    }

    [Fact]
    public async Task Invoke_MethodThrew_TheErrorNamesItsTypeAndMessage()
    {
        await using var control = await ControlNode.StartAsync();

        var error = await Assert.ThrowsAsync<FleetControlException>(() => control.Client.InvokeAsync("calc", "FailAsync", "[\"too big\"]").WaitAsync(Patience));

        Assert.Equal("System.InvalidOperationException: too big", error.Message);
    }

    [Fact]
    public async Task Invoke_NoSuchMethod_IsRefusedByThePublisher()
    {
        await using var control = await ControlNode.StartAsync();

        var error = await Assert.ThrowsAsync<FleetControlException>(() => control.Client.InvokeAsync("calc", "Multiply", "[2, 3]").WaitAsync(Patience));

        Assert.StartsWith("JsonCallRefusedException: the publisher ", error.Message, StringComparison.Ordinal);
        Assert.Contains("refused the JSON call of Multiply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_ArgumentsNotAJsonArray_IsRefusedBeforeAnythingIsSent()
    {
        await using var control = await ControlNode.StartAsync();

        var error = await Assert.ThrowsAsync<FleetControlException>(() => control.Client.InvokeAsync("calc", "Add", "{1, 2}").WaitAsync(Patience));

        Assert.StartsWith("the arguments are not JSON: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_Timeout_IsTheCallsTimeout()
    {
        await using var control = await ControlNode.StartAsync();

        var error = await Assert.ThrowsAsync<FleetControlException>(() => control.Client.InvokeAsync("calc", "Hang", "[]", timeout: TimeSpan.FromMilliseconds(300)).WaitAsync(Patience));

        // Within the 300 ms asked for, not the key's 2 s.
        Assert.StartsWith("InvokeTimeoutException: ", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"did not answer a JSON call of Hang within \d{3}(\.\d)? ms;", error.Message);
    }
}
