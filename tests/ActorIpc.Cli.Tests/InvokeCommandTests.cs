using ActorIpc.Tests.Processes.Control;

namespace ActorIpc.Cli.Tests;

/// <summary><c>actoripc invoke</c> against a control server in this process whose node publishes a <see cref="Calc"/> as <c>calc</c>.</summary>
[Collection(FleetTestsCollection.Name)]
public sealed class InvokeCommandTests
{
    [Fact]
    public async Task Invoke_PrintsTheResultJson()
    {
        await using var control = await ControlNode.StartAsync();

        var (code, stdout, stderr) = await CliRunner.RunInAsync(control.Directory, "invoke", "calc", "Add", "[20, 22]", "--service", "ICalc", "--timeout", "5s");

        Assert.True(code == 0, stderr);
        Assert.Equal("42\n", stdout);
    }

    [Theory]
    [InlineData("Fail", "[\"too big\"]", "actoripc: System.InvalidOperationException: too big\n")]
    [InlineData("Hang", "[]", "actoripc: InvokeTimeoutException: ")]
    [InlineData("Add", "[1, 2, 3]", "actoripc: JsonCallRefusedException: the publisher ")]
    public async Task Invoke_CallFailsOrIsRefused_ExitsOneWithTheFleetsReason(string method, string arguments, string expected)
    {
        await using var control = await ControlNode.StartAsync();

        var (code, stdout, stderr) = await CliRunner.RunInAsync(control.Directory, "invoke", "calc", method, arguments, "--name", ControlNode.FleetName, "--timeout", "300ms");

        Assert.Equal((CliApp.InvalidInput, ""), (code, stdout));
        Assert.StartsWith(expected, stderr, StringComparison.Ordinal);
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
