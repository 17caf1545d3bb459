namespace ActorIpc.Remote.Serialization;

/// <summary>Why a manifest was refused: which part of it (the whole type, a type argument...) and what is wrong with it.</summary>
/// <param name="Part">E.g. "the type" or "the type argument 'System.Diagnostics.Process, System.Diagnostics.Process'".</param>
/// <param name="Problem">E.g. "is not registered or allowed".</param>
internal readonly record struct TypeRefusal(string Part, string Problem)
{
    public override string ToString() => Part + " " + Problem;
}
