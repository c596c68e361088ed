import { useState } from 'preact/hooks';
import type { Me } from '../api/types';
import { formatUkMobile } from '../forms/uk-mobile';
import { CodeStep } from './CodeStep';
import { PhoneStep } from './PhoneStep';

type Step = { name: 'phone' } | { name: 'code'; phone: string; expiresInSeconds: number };

/** Patients and carers sign in with a code sent by text message to their mobile. */
export function PatientSignInScreen({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [step, setStep] = useState<Step>({ name: 'phone' });
  const [typedPhone, setTypedPhone] = useState('');

  if (step.name === 'code') {
    return (
      <CodeStep
        key="code"
        phone={step.phone}
        expiresInSeconds={step.expiresInSeconds}
        onChangePhone={() => setStep({ name: 'phone' })}
        onSignedIn={onSignedIn}
      />
    );
  }
  return (
    <PhoneStep
      key="phone"
      initialPhone={typedPhone}
      onCodeSent={(phone, expiresInSeconds) => {
        setTypedPhone(formatUkMobile(phone));
        setStep({ name: 'code', phone, expiresInSeconds });
      }}
    />
  );
}
