using System.Diagnostics;

namespace ActorIpc.Remote.Transport;

/// <summary>
/// Whether a connection's read thread polls its socket for a while before it sleeps in receive
/// (<c>read-thread-spin</c>): only when the bytes it waited for last time came within that while.
/// </summary>
/// <remarks>
/// <para>
/// A thread asleep in receive costs its wake-up on every message of a conversation: 30–50 µs on a
/// virtual machine whose other core must be woken too, more than the round trip itself. Polling
/// instead keeps the thread (and its core) awake while the peer works on its answer, so the
/// answer is read as soon as it lands.
/// </para>
/// <para>
/// A connection whose bytes come further apart than the spin would only burn a core: after such a
/// wait the thread sleeps at once, and spins again once bytes come within the spin. So the cost is
/// bounded by the conversations that gain from it: at most one spin lost per wait that outlasts it.
/// </para>
/// </remarks>
internal sealed class ReceiveSpin
{
    private readonly long _ticks;
    private bool _lastWaitShort;

    /// <summary>A policy that spins up to <paramref name="spin"/>; zero never spins.</summary>
    public ReceiveSpin(TimeSpan spin)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(spin, TimeSpan.Zero);
        _ticks = (long)(spin.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>True when the next wait should begin with a spin, until <see cref="Deadline"/>.</summary>
    public bool ShouldSpin => _lastWaitShort;

    /// <summary>When a spin begun at <paramref name="start"/> (a <see cref="Stopwatch"/> timestamp) gives up.</summary>
    public long Deadline(long start) => start + _ticks;

    /// <summary>Records how long the last wait for bytes took, in <see cref="Stopwatch"/> ticks.</summary>
    public void Waited(long ticks) => _lastWaitShort = _ticks > 0 && ticks <= _ticks;
}
