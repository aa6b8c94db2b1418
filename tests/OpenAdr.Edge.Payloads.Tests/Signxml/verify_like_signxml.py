"""Verifies an OpenADR XML signature the way OpenLEADR's VEN does (signxml over lxml): each reference's element is
canonicalized by lxml and digested with SHA-256, then ds:SignedInfo is canonicalized and its signature checked with
the key of the certificate in ds:KeyInfo. An independent implementation, to check what openadr-edge signs.
Usage: verify_like_signxml.py <signed oadrPayload file>. Prints the signer's fingerprint; exit 0 valid, 1 invalid."""
import base64
import hashlib
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, utils
from lxml import etree

DS = "http://www.w3.org/2000/09/xmldsig#"
OADR = "http://openadr.org/oadr-2.0b/2012/07"
INCLUSIVE = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"
EXCLUSIVE = "http://www.w3.org/2001/10/xml-exc-c14n#"
SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256"
RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"


def fail(reason):
    print(reason)
    sys.exit(1)


def canonical(element, algorithm):
    if algorithm not in (INCLUSIVE, EXCLUSIVE):
        fail(f"unsupported canonicalization {algorithm}")
    return etree.tostring(element, method="c14n", exclusive=algorithm == EXCLUSIVE, with_comments=False)


def ds(name):
    return f"{{{DS}}}{name}"


root = etree.parse(sys.argv[1], etree.XMLParser(remove_blank_text=False, resolve_entities=False)).getroot()
signature = root[0]
if signature.tag != ds("Signature"):
    fail("ds:Signature is not the first child of oadrPayload")
signed_info = signature.find(ds("SignedInfo"))
references = signed_info.findall(ds("Reference"))
if len(references) != 2:
    fail(f"{len(references)} references")
for reference in references:
    uri = reference.get("URI")
    found = root.xpath("//*[@oadr:Id=$id or @Id=$id]", namespaces={"oadr": OADR}, id=uri[1:])
    if len(found) != 1:
        fail(f"{uri} names {len(found)} elements")
    transforms = [t.get("Algorithm") for t in reference.iter(ds("Transform"))]
    if reference.find(ds("DigestMethod")).get("Algorithm") != SHA256:
        fail("digest is not SHA-256")
    digest = base64.b64encode(hashlib.sha256(canonical(found[0], transforms[-1] if transforms else INCLUSIVE)).digest()).decode()
    if digest != reference.findtext(ds("DigestValue")).strip():
        fail(f"digest of {uri} differs")

certificate = x509.load_der_x509_certificate(base64.b64decode("".join(signature.findtext(f".//{ds('X509Certificate')}").split())))
data = canonical(signed_info, signed_info.find(ds("CanonicalizationMethod")).get("Algorithm"))
value = base64.b64decode("".join(signature.findtext(ds("SignatureValue")).split()))
method = signed_info.find(ds("SignatureMethod")).get("Algorithm")
key = certificate.public_key()
try:
    if method == RSA_SHA256 and isinstance(key, rsa.RSAPublicKey):
        key.verify(value, data, padding.PKCS1v15(), hashes.SHA256())
    elif method == ECDSA_SHA256 and isinstance(key, ec.EllipticCurvePublicKey):
        half = len(value) // 2
        der = utils.encode_dss_signature(int.from_bytes(value[:half], "big"), int.from_bytes(value[half:], "big"))
        key.verify(der, data, ec.ECDSA(hashes.SHA256()))
    else:
        fail(f"signature method {method} does not fit the certificate's key")
except Exception as error:  # cryptography raises InvalidSignature
    fail(f"signature value does not verify ({type(error).__name__})")

fingerprint = hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).digest()[-10:]
print(":".join(f"{b:02X}" for b in fingerprint))
