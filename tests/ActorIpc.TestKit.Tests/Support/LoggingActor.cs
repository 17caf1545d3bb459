using Microsoft.Extensions.Logging;

namespace ActorIpc.TestKit.Tests;

/// <summary>Logs every string it receives and acknowledges it, so the test knows the entry is written.</summary>
internal sealed class LoggingActor : ReceiveActor
{
    public LoggingActor() =>
        Receive<string>(text =>
        {
            Log.LogInformation("got {Text}", text);
            Sender.Tell("logged", Self);
        });
}
