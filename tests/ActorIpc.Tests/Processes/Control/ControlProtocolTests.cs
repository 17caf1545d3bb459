using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ActorIpc.Tests.Shared;

namespace ActorIpc.Tests.Processes.Control;

/// <summary>The control socket's frames: what a bad or foreign frame gets, at either end, instead of a hang.</summary>
public sealed class ControlProtocolTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Server_RequestOfAnotherVersion_IsAnsweredWithAVersionErrorAndClosed()
    {
        await using var control = await ControlNode.StartAsync();
        await using var stream = await WireFrames.ConnectAsync(control.Server.SocketPath);

        await WireFrames.WriteAsync(stream, """{"v":2,"op":"status","shiny":true}""");
        var answer = (await WireFrames.ReadAsync(stream).WaitAsync(Patience))!.Value;

        Assert.Equal((1, "error", "version"), (answer.GetProperty("v").GetInt32(), answer.GetProperty("type").GetString(), answer.GetProperty("code").GetString()));
        Assert.Equal(
            "the client speaks version 2 of the fleet control protocol, this end version 1: use an actoripc of the same version as the fleet's ActorIpc",
            answer.GetProperty("message").GetString());
        Assert.Null(await WireFrames.ReadAsync(stream).WaitAsync(Patience));
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\n\r\n", "more than the 16777216 allowed")]
    [InlineData(null, "not JSON")]
    [InlineData("""{"op":"status"}""", "without the protocol version")]
    [InlineData("""[1,2]""", "not a JSON object")]
    [InlineData("""{"v":1,"op":"status","replica":"zero"}""", "does not read")]
    public async Task Server_MalformedFrame_IsAnsweredWithAMalformedErrorAndClosed(string? bytes, string expected)
    {
        await using var control = await ControlNode.StartAsync();
        await using var stream = await WireFrames.ConnectAsync(control.Server.SocketPath);

        if (bytes is null)
        {
            await WireFrames.WriteAsync(stream, "{\"v\":1, op: status");
        }
        else if (bytes.StartsWith('{') || bytes.StartsWith('['))
        {
            await WireFrames.WriteAsync(stream, bytes);
        }
        else
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(bytes));
        }

        var answer = (await WireFrames.ReadAsync(stream).WaitAsync(Patience))!.Value;

        Assert.Equal(("error", "malformed"), (answer.GetProperty("type").GetString(), answer.GetProperty("code").GetString()));
        Assert.Contains(expected, answer.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Null(await WireFrames.ReadAsync(stream).WaitAsync(Patience));
    }

    [Fact]
    public async Task Server_UnknownRequest_IsRefusedNamingTheKnownOnes()
    {
        await using var control = await ControlNode.StartAsync();
        await using var stream = await WireFrames.ConnectAsync(control.Server.SocketPath);

        await WireFrames.WriteAsync(stream, """{"v":1,"op":"reboot"}""");
        var answer = (await WireFrames.ReadAsync(stream).WaitAsync(Patience))!.Value;

        Assert.Equal("unknown-request", answer.GetProperty("code").GetString());
        Assert.Equal("'reboot' is not a request of the fleet control protocol (known: status, logs, restart, stop, invoke)", answer.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Server_Status_AnswersOneFrameWithTheStatusAndCloses()
    {
        await using var control = await ControlNode.StartAsync();
        await using var stream = await WireFrames.ConnectAsync(control.Server.SocketPath);

        await WireFrames.WriteAsync(stream, """{"v":1,"op":"status"}""");
        var answer = (await WireFrames.ReadAsync(stream).WaitAsync(Patience))!.Value;

        Assert.Equal(("status", ControlNode.FleetName, Environment.ProcessId), (answer.GetProperty("type").GetString(), answer.GetProperty("fleet").GetString(), answer.GetProperty("processId").GetInt32()));
        var replicas = answer.GetProperty("status").GetProperty("replicas").EnumerateArray().ToArray();
        Assert.Equal(["a#0 Stopped", "b#0 Stopped", "b#1 Stopped"], replicas.Select(r => $"{r.GetProperty("label").GetString()} {r.GetProperty("state").GetString()}"));
        Assert.Null(await WireFrames.ReadAsync(stream).WaitAsync(Patience));
    }

    [Fact]
    public async Task Client_ServerOfAnotherVersion_ThrowsAClearError()
    {
        using var scratch = new ScratchDirectory();
        var client = new FleetControlClient("future", scratch.Path);
        var server = ServeOnceAsync(client.SocketPath, """{"v":2,"type":"status","status":{"replicas":"elsewhere"}}""");

        var error = await Assert.ThrowsAsync<FleetControlException>(() => client.GetStatusAsync().WaitAsync(Patience));

        Assert.Equal("status", (await server.WaitAsync(Patience)).GetProperty("op").GetString());
        Assert.Equal("the fleet speaks version 2 of the fleet control protocol, this end version 1: use an actoripc of the same version as the fleet's ActorIpc", error.Message);
        Assert.IsNotType<FleetNotRunningException>(error);
    }

    [Fact]
    public async Task Client_ServerThatClosesWithoutAnswering_ThrowsAClearError()
    {
        using var scratch = new ScratchDirectory();
        var client = new FleetControlClient("mute", scratch.Path);
        var server = ServeOnceAsync(client.SocketPath, answer: null);

        var error = await Assert.ThrowsAsync<FleetControlException>(() => client.GetStatusAsync().WaitAsync(Patience));

        await server.WaitAsync(Patience);
        Assert.Equal($"the fleet at {client.SocketPath} closed the connection before it answered", error.Message);
    }

    /// <summary>A server of one connection at <paramref name="socketPath"/>: reads its request, answers <paramref name="answer"/> (or nothing), closes, and returns the request.</summary>
    private static async Task<JsonElement> ServeOnceAsync(string socketPath, string? answer)
    {
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen(1);
        using var connection = await listener.AcceptAsync();
        await using var stream = new NetworkStream(connection);
        var request = (await WireFrames.ReadAsync(stream))!.Value;
        if (answer is not null)
        {
            await WireFrames.WriteAsync(stream, answer);
        }

        return request;
    }
}
