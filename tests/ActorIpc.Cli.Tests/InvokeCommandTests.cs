using ActorIpc.Tests.Processes.Control;

namespace ActorIpc.Cli.Tests;

/// <summary>
/// <c>actoripc invoke</c> against a control server in this process whose JSON calls a stand-in
/// answers (<see cref="FakeJsonCaller"/>: <c>calc.Add</c> sums, <c>calc.Fail</c> throws as a callee would).
/// </summary>
[Collection(FleetTestsCollection.Name)]
public sealed class InvokeCommandTests
{
    [Fact]
    public async Task Invoke_PrintsTheResultJsonAndPassesServiceAndTimeoutOn()
    {
        var caller = new FakeJsonCaller();
        await using var control = await ControlNode.StartAsync(caller);

        var (code, stdout, stderr) = await CliRunner.RunInAsync(control.Directory, "invoke", "calc", "Add", "[20, 22]", "--service", "ICalc", "--timeout", "1500ms");

        Assert.True(code == 0, stderr);
        Assert.Equal("42\n", stdout);
        Assert.Equal([("calc", "Add", "[20, 22]", (string?)"ICalc", (TimeSpan?)TimeSpan.FromMilliseconds(1500))], caller.Calls);
    }

    [Theory]
    [InlineData("Fail", "[]", "actoripc: Calc.OverflowException: too big\n")]
    [InlineData("Add", "{\"a\": 1}", "actoripc: the arguments of calc.Add are a JSON array, not {\"a\": 1}\n")]
    public async Task Invoke_CallFailsOrIsRefused_ExitsOneWithTheFleetsReason(string method, string arguments, string expected)
    {
        await using var control = await ControlNode.StartAsync(new FakeJsonCaller());

        var (code, stdout, stderr) = await CliRunner.RunInAsync(control.Directory, "invoke", "calc", method, arguments, "--name", ControlNode.FleetName);

        Assert.Equal((CliApp.InvalidInput, "", expected), (code, stdout, stderr));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("0s")]
    public void Invoke_TimeoutThatIsNotAPositiveDuration_IsAUsageError(string timeout)
    {
        var (code, _, stderr) = CliRunner.Run("invoke", "calc", "Add", "[1]", "--timeout", timeout);

        Assert.Equal(CliApp.UsageError, code);
        Assert.Contains($"--timeout: '{timeout}' is not a positive duration (500ms, 5s, 1m)", stderr, StringComparison.Ordinal);
    }
}
