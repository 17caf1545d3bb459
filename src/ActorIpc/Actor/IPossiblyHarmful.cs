namespace ActorIpc;

/// <summary>Marks runtime messages (stop, kill, terminated) that must never be sent on a user's behalf from another process.</summary>
public interface IPossiblyHarmful
{
}
