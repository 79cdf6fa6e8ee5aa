// TEST-ONLY KEYS. Generated for these tests with `openssl genrsa 2048` and `openssl rsa -pubout`
// (and `openssl ecparam -name secp384r1`). They protect nothing and must never configure a gateway.

/// Fixed keys for the cases where a test cannot generate one (RSA, and EC on another curve).
enum AuthTestKeys {
    /// A 2048-bit RSA private key (PKCS #8). Test-only.
    static let rsaPrivate = """
        -----BEGIN PRIVATE KEY-----
        MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCuF/bYOTcMtqui
        LoR/xWpkaCV7xJ3nMe0ylB3Lp8SaS7Kb7UCVunkBoIeJx+IqCAQDhQkG+x5+LtSk
        yyogfoZvvrZRrd5Xp9UPSc7Wv/rTecvXynOn8vPV5THeDNbg7DX+AhLNchOUjQ39
        nbdVjn5OANbVmmwD01SWiKWIuhyNq1fv+PTlRUPV2MnVW7Hz3XpQpj5CfBQy3xur
        vBjYqEws0GCxoNw1uU4Cs2vHEb8zmiYCq3IKqsft5iBZ3PAd9JOalNsWIYoDALQ1
        wY5tOr7GgePFJeTHpBAetQz/YSC+HzV1ICDwzTTrDFYS5hIB132rvQxF0tG6BT2M
        XCr7X2RRAgMBAAECggEAD9wyCkfIGpnnr/pB6uv+wc/1Hj3uzrmvLMzum/eYQyBD
        UM4/9IQM8xd/UY+KrJ6XUwTDKkYlZIR6rdquZ1Bvie2baXyIBX9OOzrTo5/Qx4RQ
        jEOu3q2VBjb/oIWV697JGm9w7BOI8h8Zl7HPGnXFTvDnoYUUcxLFIYOoZPjjkgpU
        EDadAV1rWx3s8LTJVyErQMZt8OpVmdQryQZ2X8zhSxpBW3jCEDGUKhApLwvgL5Q9
        Ku2LezlxsPmvCW6YwPfot6s+m7DTizFASsVdvNdADonaQrwy/hrwftCP1w8s8DP7
        70gzxm+auqaw35oWsSjzdfVnl+a8nN/TAoDnIsMWgwKBgQDeGKo1pdNXfsq/+oC9
        aoD9tmP+LLLS2hDgdfSZk1LW4dCeiEGgh87pc1doYT2/D4dC7RIuSaLDhk6DlxB0
        RJu2RE3NK+P6pQM08PyA5YQxSFrqMRarTztkgU8Z+vBqJ2e5OgoMPv8aUbXlIDD+
        ZeoLbEkzH4bUay4uK18fJQ2FiwKBgQDIq2S73IenEecf7mBS2WRGJovMIS4EQsw7
        i3AYgPGton0MVHV8K04A16MM+NS9rskgkEMVtqh9Yw116LJdCeua1KkacCDScrrz
        s5Rt7me6Eq8IpWI5vGpcFnBcpA0Q6lTGgS9gSBiIOcnjRLDRshxI5XrbQkgbxIUg
        TSlPrwjREwKBgQCpYC4Ok9RFWdDN8ADWc67DzqEbaoNGAj/0roBHzu7SKYysGkXS
        Y0ANEYWLeP1aBEGnbJz85/NVIcwm1sIZqWkG67hZzCslL0ruyQoIUwEphICxMZaU
        NuyYjXUB3zoR+tNDk1uuUyzBqacKgi5bFOYUqBR7BIQS41poo3L7kYpqWQKBgQCe
        IuMpYGrOcD9RXIsv/v0Ugz/bx7H5zaIgsovN45+RE+Gzm8NR7NZ1t3lYuab9LAZ3
        0Pfs3pr85NgwuQYGZ9DxnPD+Uqqq7ZsCfdxUnXHEowCosZwsn5y5oT0+5FEfqWrR
        W/C30Vjz0YaVwQYO2muLzrv4mc01hLLcd7I8h1VNXQKBgEm3ROWaY5ixvup11g7B
        4AgFOLkNDKcf9UTWlZr1IEIfGa3P4GaPnenZqoYZ21ZyzhK4LGbcYaPLGKdCYltZ
        yOVROKsmhIjBxm2kKkHXOnJy9D60+MxZiR3USX5YE2G5a3yXY7wuKwVNR8/UBM+t
        rPSDEtMUv9eIvkZzt8GoifPS
        -----END PRIVATE KEY-----
        """

    /// The public half of ``rsaPrivate``. Test-only.
    static let rsaPublic = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArhf22Dk3DLaroi6Ef8Vq
        ZGgle8Sd5zHtMpQdy6fEmkuym+1Albp5AaCHicfiKggEA4UJBvsefi7UpMsqIH6G
        b762Ua3eV6fVD0nO1r/603nL18pzp/Lz1eUx3gzW4Ow1/gISzXITlI0N/Z23VY5+
        TgDW1ZpsA9NUloiliLocjatX7/j05UVD1djJ1Vux8916UKY+QnwUMt8bq7wY2KhM
        LNBgsaDcNblOArNrxxG/M5omAqtyCqrH7eYgWdzwHfSTmpTbFiGKAwC0NcGObTq+
        xoHjxSXkx6QQHrUM/2Egvh81dSAg8M006wxWEuYSAdd9q70MRdLRugU9jFwq+19k
        UQIDAQAB
        -----END PUBLIC KEY-----
        """

    /// An EC public key on P-384, which ES256 (P-256 only) must refuse. Test-only.
    static let p384Public = """
        -----BEGIN PUBLIC KEY-----
        MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAErSp9Bg8vPW1t1lAYl0z/5cQHtmXcIJgN
        ZU0qCRq1qHAk2N+IUF/l/arhiz2Ce0xHl8Hyfx1sHYwZaWlmXh5k/dd8Kzhj058N
        7qmIKy6Yqnmwdw/VFkM1zhOLIxhE8dKc
        -----END PUBLIC KEY-----
        """
}
