export {
  decryptSecret,
  encryptSecret,
  parseSecretKey,
  SecretDecryptError,
  SecretKeyError,
} from './secret-box.ts';
