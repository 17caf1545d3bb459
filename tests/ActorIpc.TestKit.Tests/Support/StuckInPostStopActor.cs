namespace ActorIpc.TestKit.Tests;

/// <summary>Stops only when the test opens the gate: makes a shutdown slow without sleeping.</summary>
internal sealed class StuckInPostStopActor(ManualResetEventSlim gate) : ReceiveActor
{
    protected override void PostStop() => gate.Wait(TimeSpan.FromSeconds(10));
}
