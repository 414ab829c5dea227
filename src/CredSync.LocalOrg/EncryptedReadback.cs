namespace CredSync.LocalOrg;

/// <summary>How an encrypted credential value is shown when credentials are read.</summary>
public enum EncryptedReadback
{
    /// <summary>The value comes back as the fixed string <c>********</c>.</summary>
    Masked,

    /// <summary>The value comes back as JSON <c>null</c>.</summary>
    Null,
}
