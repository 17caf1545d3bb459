namespace ActorIpc;

/// <summary>Equality, hashing and ordering shared by every reference: by path and incarnation uid.</summary>
internal static class ActorRefIdentity
{
    public static bool Equals(IActorRef self, IActorRef? other) =>
        other is not null && (ReferenceEquals(self, other) || (self.Path.Uid == other.Path.Uid && self.Path.Equals(other.Path)));

    public static int GetHashCode(IActorRef self) => HashCode.Combine(self.Path.GetHashCode(), self.Path.Uid);

    public static int Compare(IActorRef self, IActorRef? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byPath = self.Path.CompareTo(other.Path);
        return byPath != 0 ? byPath : self.Path.Uid.CompareTo(other.Path.Uid);
    }

    public static string ToString(IActorRef self) => $"[{self.Path.ToStringWithUid()}]";
}
